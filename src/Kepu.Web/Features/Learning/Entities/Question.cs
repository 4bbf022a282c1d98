namespace Kepu.Web.Features.Learning.Entities;

public static class QuestionKinds
{
    public const string SingleChoice = "single";
    public const string MultipleChoice = "multiple";
    public const string TrueFalse = "truefalse";

    public static readonly string[] All = [SingleChoice, MultipleChoice, TrueFalse];

    public static string Label(string kind) => kind switch { SingleChoice => "单选", MultipleChoice => "多选", _ => "判断" };

    /// <summary>The code for a code or its Chinese word (imports accept either).</summary>
    public static string? Parse(string? value) => value?.Trim() switch
    {
        SingleChoice or "单选" or "单选题" => SingleChoice,
        MultipleChoice or "多选" or "多选题" => MultipleChoice,
        TrueFalse or "判断" or "判断题" => TrueFalse,
        _ => null,
    };
}

/// <summary>The four literacy dimensions of the national survey (100 points = 40 + 20 + 20 + 20).</summary>
public static class Dimensions
{
    public const string Knowledge = "knowledge";
    public const string Method = "method";
    public const string Spirit = "spirit";
    public const string Application = "application";

    public static readonly string[] All = [Knowledge, Method, Spirit, Application];

    public static string Label(string dimension) => dimension switch
    {
        Knowledge => "科学知识",
        Method => "科学方法",
        Spirit => "科学精神与思想",
        _ => "应用科学的能力",
    };

    public static string? Parse(string? value) => value?.Trim() switch
    {
        Knowledge or "科学知识" => Knowledge,
        Method or "科学方法" => Method,
        Spirit or "科学精神与思想" or "科学精神" => Spirit,
        Application or "应用科学的能力" or "应用能力" => Application,
        _ => null,
    };
}

/// <summary>A question's fields, already validated (<see cref="QuestionRules.Validate"/>).</summary>
public sealed record QuestionFields(string Kind, string Stem, IReadOnlyList<string> Options, IReadOnlyList<int> Answer, string Explanation,
    int Difficulty, string Dimension, IReadOnlyList<string> Audiences, string Topic);

/// <summary>A question in the bank: used in lesson quizzes (when it names a lesson), daily practice, challenges and exams.</summary>
public sealed class Question
{
    private Question()
    {
    }

    public Question(string? key, QuestionFields fields, int? lessonId, DateTime now)
    {
        Key = key;
        CreatedAt = now;
        Update(fields, lessonId);
    }

    public int Id { get; private set; }
    public string? Key { get; private set; }
    public string Kind { get; private set; } = QuestionKinds.SingleChoice;
    public string Stem { get; private set; } = "";
    public List<string> Options { get; private set; } = [];

    /// <summary>0-based indexes of the right options.</summary>
    public List<int> Answer { get; private set; } = [];

    public string Explanation { get; private set; } = "";

    /// <summary>1 easy, 2 medium, 3 hard.</summary>
    public int Difficulty { get; private set; }

    public string Dimension { get; private set; } = Dimensions.Knowledge;
    public List<string> Audiences { get; private set; } = [];
    public string Topic { get; private set; } = "";
    public int? LessonId { get; private set; }
    public bool Active { get; private set; } = true;
    public DateTime CreatedAt { get; private set; }

    public void Update(QuestionFields fields, int? lessonId)
    {
        Kind = fields.Kind;
        Stem = fields.Stem;
        Options = [.. fields.Options];
        Answer = [.. fields.Answer.Order()];
        Explanation = fields.Explanation;
        Difficulty = fields.Difficulty;
        Dimension = fields.Dimension;
        Audiences = [.. fields.Audiences];
        Topic = fields.Topic;
        LessonId = lessonId;
    }

    /// <summary>Right when exactly the right options are chosen (a multiple-choice question has no partial credit).</summary>
    public bool IsRight(IEnumerable<int> chosen) => chosen.Distinct().Order().SequenceEqual(Answer);
}

public static class QuestionRules
{
    public const int MaxStem = 500;
    public const int MaxOption = 200;

    /// <summary>Field errors (empty when valid) and the fields.</summary>
    public static (QuestionFields? Fields, Dictionary<string, string[]> Errors) Validate(string? kind, string? stem, IReadOnlyList<string>? options,
        IReadOnlyList<int>? answer, string? explanation, int? difficulty, string? dimension, IReadOnlyList<string>? audiences, string? topic)
    {
        var errors = new Dictionary<string, string[]>();
        var k = QuestionKinds.Parse(kind);
        if (k is null)
        {
            errors["kind"] = ["题型须为 单选、多选 或 判断。"];
        }

        if (string.IsNullOrWhiteSpace(stem) || stem.Trim().Length > MaxStem)
        {
            errors["stem"] = [$"题干不能为空，最多 {MaxStem} 个字。"];
        }

        var opts = (options ?? []).Select(o => o?.Trim() ?? "").ToList();
        if (k == QuestionKinds.TrueFalse && opts.Count == 0)
        {
            opts = ["正确", "错误"];
        }

        if (opts.Count is < 2 or > 6 || opts.Any(o => o.Length == 0 || o.Length > MaxOption) || opts.Distinct().Count() != opts.Count)
        {
            errors["options"] = [$"选项须为 2 到 6 个、互不相同、每个 1 到 {MaxOption} 个字。"];
        }
        else if (k == QuestionKinds.TrueFalse && !opts.SequenceEqual(["正确", "错误"]))
        {
            errors["options"] = ["判断题的选项须为“正确”“错误”。"];
        }

        var ans = (answer ?? []).Distinct().Order().ToList();
        if (ans.Count == 0 || ans.Any(a => a < 0 || a >= opts.Count))
        {
            errors["answer"] = ["答案须是选项中的一个或几个。"];
        }
        else if (k is QuestionKinds.SingleChoice or QuestionKinds.TrueFalse && ans.Count != 1)
        {
            errors["answer"] = ["单选题和判断题只有一个正确答案。"];
        }
        else if (k == QuestionKinds.MultipleChoice && ans.Count < 2)
        {
            errors["answer"] = ["多选题至少有两个正确答案。"];
        }

        if (explanation is { Length: > 1000 })
        {
            errors["explanation"] = ["解析最多 1000 个字。"];
        }

        if (difficulty is not (1 or 2 or 3))
        {
            errors["difficulty"] = ["难度须为 1（易）、2（中）或 3（难）。"];
        }

        var dim = Dimensions.Parse(dimension);
        if (dim is null)
        {
            errors["dimension"] = ["素质维度须为 科学知识、科学方法、科学精神与思想 或 应用科学的能力。"];
        }

        var aud = (audiences ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (aud.Any(a => !Accounts.Entities.Audiences.IsValid(a)))
        {
            errors["audiences"] = [$"人群须为：{string.Join("、", Accounts.Entities.Audiences.All.Select(a => a.Code))}。"];
        }

        if (string.IsNullOrWhiteSpace(topic) || topic.Trim().Length > 30)
        {
            errors["topic"] = ["请填写主题（最多 30 个字）。"];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new QuestionFields(k!, stem!.Trim(), opts, ans, explanation?.Trim() ?? "", difficulty!.Value, dim!, aud.Count == 0 ? ["public"] : aud, topic!.Trim()), errors);
    }
}
