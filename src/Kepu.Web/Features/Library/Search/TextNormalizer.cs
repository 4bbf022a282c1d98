using System.Reflection;
using Lucene.Net.Analysis;

namespace Kepu.Web.Features.Library.Search;

/// <summary>
/// One character in, one character out: full-width letters and digits to ASCII, the ideographic space to
/// a space, traditional to simplified characters, ASCII to lower case. Because the mapping is 1:1, the
/// offsets of the original text stay exact and highlights fall on the right characters.
/// </summary>
public static class TextNormalizer
{
    // Every character's image, looked up by index: the dictionary lookup per character was most of a snippet's cost.
    private static readonly char[] Table = Build();

    public static char Map(char c) => Table[c];

    public static string Normalize(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = Map(source[i]);
        }
    });

    private static char[] Build()
    {
        var traditional = Load();
        var table = new char[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            else if (c == '\u3000')
            {
                table[i] = ' ';
                continue;
            }
            else if (traditional.TryGetValue(c, out var simplified))
            {
                table[i] = simplified;
                continue;
            }

            table[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        return table;
    }

    private static Dictionary<char, char> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("traditional-simplified.txt")
            ?? throw new InvalidOperationException("traditional-simplified.txt is not embedded");
        using var reader = new StreamReader(stream);
        var map = new Dictionary<char, char>(3000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 3 && line[1] == ' ')
            {
                map[line[0]] = line[2];
            }
        }

        return map;
    }
}

/// <summary>Applies <see cref="TextNormalizer"/> before tokenising, for documents and queries alike.</summary>
internal sealed class NormalizingCharFilter(TextReader input) : CharFilter(input)
{
    protected override int Correct(int currentOff) => currentOff;

    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        for (var i = index; i < index + Math.Max(read, 0); i++)
        {
            buffer[i] = TextNormalizer.Map(buffer[i]);
        }

        return read;
    }

    public override int Read()
    {
        var c = m_input.Read();
        return c < 0 ? c : TextNormalizer.Map((char)c);
    }
}
