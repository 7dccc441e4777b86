namespace Escalation.Services.Escalations;

/// <summary>Short references people can read out on the phone: ESC- and eight Crockford base-32 characters.</summary>
internal static class References
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(Guid id)
    {
        // Version 7 ids start with the time, so the reference takes bits from the random end instead.
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        ulong value = 0;
        for (var i = 10; i < 16; i++)
        {
            value = (value << 8) | bytes[i];
        }

        Span<char> chars = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return "ESC-" + new string(chars);
    }
}
