using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.BuildingBlocks.PersonalData;

public static class ProtectedValueMapping
{
    /// <summary>Stores a protected value in two columns: <c>{column}_protected</c> (the cipher) and <c>{column}_masked</c>.</summary>
    public static void StoredAs(this ComplexPropertyBuilder<ProtectedValue> value, string column, int maskedLength)
    {
        value.Property(v => v.Cipher).HasColumnName($"{column}_protected");
        value.Property(v => v.Masked).HasColumnName($"{column}_masked").HasMaxLength(maskedLength);
    }
}
