using System.Security.Cryptography;
using System.Text;

namespace Platform.BuildingBlocks.Data;

/// <summary>
/// Stable ids for demo data, derived from a name, so every service's demo seeding can point at the same
/// records (the Organization service's people, say) and reseeding finds what it made before.
/// </summary>
public static class DemoIds
{
    public static Guid From(string key)
    {
        var bytes = MD5.HashData(Encoding.UTF8.GetBytes("platform-demo:" + key));
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x30);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A demo person of the Organization service, by name.</summary>
    public static Guid Person(string name) => From("person:" + name);

    /// <summary>A demo sign-in account, by user name: its id is the subject of its tokens.</summary>
    public static Guid Account(string userName) => From("account:" + userName);

    /// <summary>A demo member unit of the Organization service, by name.</summary>
    public static Guid Unit(string name) => From("unit:" + name);
}
