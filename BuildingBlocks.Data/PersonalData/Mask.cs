namespace Platform.BuildingBlocks.PersonalData;

/// <summary>How personal data is shown in lists and logs: enough to recognise, not enough to use.</summary>
public static class Mask
{
    /// <summary>13812345678 → 138****5678.</summary>
    public static string Phone(string phone) =>
        phone.Length <= 7 ? new string('*', phone.Length) : $"{phone[..3]}{new string('*', phone.Length - 7)}{phone[^4..]}";

    /// <summary>632802199001011234 → 632802********1234.</summary>
    public static string IdCard(string id) => id.Length <= 10 ? new string('*', id.Length) : $"{id[..6]}{new string('*', id.Length - 10)}{id[^4..]}";

    /// <summary>Keeps the first few characters (district, road) and hides the rest.</summary>
    public static string Address(string address)
    {
        var keep = Math.Min(6, address.Length / 2);
        return $"{address[..keep]}****";
    }

    /// <summary>张三丰 → 张**: the family name only.</summary>
    public static string Name(string name) => name.Length <= 1 ? "*" : $"{name[..1]}{new string('*', name.Length - 1)}";
}
