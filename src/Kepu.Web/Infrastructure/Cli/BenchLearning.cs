using System.Diagnostics;
using System.Globalization;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Kepu.Web.Infrastructure.Web;
using Microsoft.Data.Sqlite;

namespace Kepu.Web.Infrastructure.Cli;

/// <summary>
/// <c>bench learning --events N</c> (after <c>bench data</c>): fills learning_point_event with N point events spread
/// over the bench users (log-normal activity: most people a little, some very active) and over the last 365 Beijing
/// days, in runs of consecutive days, never over a kind's daily cap; and writes the running totals the application
/// keeps (learning_learner: total, district, streaks, counters) and learning_point_day, consistent with the events.
/// SQLite only: prepared inserts in large transactions, users in key order so every index is appended to in order.
/// Checks at the end that the events, the per-day rows and the learners add up to the same points.
/// For benchmarks only; refuses a database that already has point events.
/// </summary>
internal static class BenchLearning
{
    private const int Days = 365;
    private const int MaxPerUser = 14_000;
    private const int MaxPerDay = 40;
    private const int EventsPerTransaction = 1_000_000;

    /// <summary>Relative frequency of each kind (read most, a whole course rarely); points and caps come from the rules.</summary>
    private static readonly Dictionary<string, double> KindWeights = new()
    {
        [PointKinds.Read] = 10, [PointKinds.Lesson] = 3, [PointKinds.Quiz] = 2, [PointKinds.Course] = 0.3, [PointKinds.Daily] = 4,
        [PointKinds.Challenge] = 5,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var i = Array.IndexOf(args, "--events");
        var events = i >= 0 && i + 1 < args.Length && long.TryParse(args[i + 1], out var n) && n >= 0 ? n : 50_000_000L;
        var options = services.GetRequiredService<DataOptions>();
        if (!options.IsSqlite)
        {
            await stderr.WriteLineAsync("失败：bench learning 只支持 SQLite。");
            return 1;
        }

        await DataServices.MigrateAsync(services);
        SqliteConnection.ClearAllPools();
        var elapsed = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        if (await ScalarAsync(connection, "SELECT EXISTS (SELECT 1 FROM learning_point_event)") != 0
            || await ScalarAsync(connection, "SELECT EXISTS (SELECT 1 FROM learning_learner)") != 0)
        {
            await stderr.WriteLineAsync("失败：数据库里已经有积分记录。bench learning 只用于 bench data 生成的基准测试数据库。");
            return 1;
        }

        // The rules (seeded by the application at start; here too, so the points match whatever is stored).
        foreach (var (kind, label, points, cap) in PointKinds.Defaults)
        {
            await ExecuteAsync(connection, "INSERT OR IGNORE INTO learning_point_rule (Kind, Label, Points, DailyCap) VALUES ($k, $l, $p, $c)",
                ("$k", kind), ("$l", label), ("$p", points), ("$c", cap));
        }

        var rules = new List<(string Kind, int Points, int MaxCount, double Weight)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Kind, Points, DailyCap FROM learning_point_rule ORDER BY Kind";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var (kind, points, cap) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
                if (points > 0 && cap >= points && KindWeights.TryGetValue(kind, out var weight))
                {
                    rules.Add((kind, points, cap / points, weight));
                }
            }
        }

        // Ordinal order: SQLite compares text byte by byte, so rows go into every (UserId, …) index at its end.
        var users = new List<(string Id, string? District, bool SignsIn)>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id, DistrictCode, UserName FROM accounts_user WHERE UserName LIKE 'bench%'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(2);
                users.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                    name.Length == 12 && int.TryParse(name.AsSpan(5), out var number) && number <= 100));
            }
        }

        users.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        if (users.Count == 0 || rules.Count == 0)
        {
            await stderr.WriteLineAsync("失败：没有 bench 用户（先运行 bench data）或没有积分规则。");
            return 1;
        }

        var capacity = rules.Sum(r => r.MaxCount);
        var perUser = Math.Min(MaxPerUser, Days * Math.Min(MaxPerDay, capacity) * 9 / 10);
        if (events > (long)users.Count * perUser)
        {
            await stderr.WriteLineAsync($"失败：{users.Count} 个用户最多生成 {(long)users.Count * perUser} 条积分记录。");
            return 1;
        }

        var random = new Random(20261129);
        var counts = Spread(events, users, perUser, random);
        await stdout.WriteLineAsync($"{users.Count} 个用户，{events} 条积分记录（每人最多 {counts.Max()}，中位数 {Median(counts)}，" +
            $"无记录 {counts.Count(c => c == 0)} 人）；读取与分配用时 {elapsed.Elapsed.TotalSeconds:F1} s");

        // Bulk load: no rollback journal and no fsync (a benchmark database; WAL is restored at the end).
        await ExecuteAsync(connection, "PRAGMA synchronous=OFF");
        await ExecuteAsync(connection, "PRAGMA cache_size=-1048576");
        await using (var mode = connection.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode=OFF";
            await stdout.WriteLineAsync($"journal_mode={await mode.ExecuteScalarAsync()}（批量写入）");
        }

        var now = DateTime.UtcNow;
        var today = Display.BeijingDay(now);
        var first = today.AddDays(-(Days - 1));
        var dayText = Enumerable.Range(0, Days).Select(d => first.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var secondsToday = (int)(Display.ToBeijing(now) - Display.ToBeijing(now).Date).TotalSeconds;

        await using var insertEvent = Prepare(connection,
            "INSERT INTO learning_point_event (UserId, Kind, Points, At, Day, Reference) VALUES ($u, $k, $p, $a, $d, $r)", "$u", "$k", "$p", "$a", "$d", "$r");
        await using var insertDay = Prepare(connection,
            "INSERT INTO learning_point_day (UserId, Day, Kind, Points) VALUES ($u, $d, $k, $p)", "$u", "$d", "$k", "$p");
        await using var insertLearner = Prepare(connection,
            "INSERT INTO learning_learner (UserId, Total, DistrictCode, OrganizationId, Streak, BestStreak, LastActiveDay, ShowName, CoursesCompleted, " +
            "QuestionsAnswered, QuestionsRight) VALUES ($u, $t, $dc, NULL, $s, $bs, $last, $show, $cc, $qa, $qr)",
            "$u", "$t", "$dc", "$s", "$bs", "$last", "$show", "$cc", "$qa", "$qr");

        var writing = Stopwatch.StartNew();
        var transaction = connection.BeginTransaction();
        Use(transaction, insertEvent, insertDay, insertLearner);
        long written = 0, sinceCommit = 0, learners = 0, dayRows = 0, allPoints = 0, nextReport = 5_000_000;
        var active = new bool[Days];
        var perDay = new int[Days];
        var kindCount = new int[rules.Count];
        var seconds = new int[MaxPerDay];
        var kinds = new int[MaxPerDay];
        var perKindDay = new int[rules.Count];
        for (var u = 0; u < users.Count; u++)
        {
            var count = counts[u];
            if (count == 0)
            {
                continue;
            }

            var (userId, district, _) = users[u];
            var activeDays = ChooseDays(count, active, random);
            Array.Clear(perDay);
            for (var d = 0; d < Days; d++)
            {
                perDay[d] = active[d] ? 1 : 0;
            }

            for (var left = count - activeDays; left > 0;)
            {
                var d = random.Next(Days);
                if (active[d] && perDay[d] < MaxPerDay && perDay[d] < capacity)
                {
                    perDay[d]++;
                    left--;
                }
            }

            var total = 0;
            var run = 0;
            var best = 0;
            var last = -1;
            Array.Clear(kindCount);
            insertEvent.Parameters[0].Value = userId;
            insertDay.Parameters[0].Value = userId;
            for (var d = 0; d < Days; d++)
            {
                if (!active[d])
                {
                    continue;
                }

                run = last == d - 1 ? run + 1 : 1;
                best = Math.Max(best, run);
                last = d;
                var c = perDay[d];
                Array.Clear(perKindDay);
                for (var e = 0; e < c; e++)
                {
                    kinds[e] = PickKind(rules, perKindDay, random);
                    perKindDay[kinds[e]]++;
                }

                var span = d == Days - 1 ? Math.Max(1, secondsToday) : 86_400;
                for (var e = 0; e < c; e++)
                {
                    seconds[e] = random.Next(span);
                }

                Array.Sort(seconds, 0, c);
                var midnightUtc = first.AddDays(d).ToDateTime(TimeOnly.MinValue).AddHours(-8);
                insertEvent.Parameters[4].Value = dayText[d];
                for (var e = 0; e < c; e++)
                {
                    var rule = rules[kinds[e]];
                    var at = midnightUtc.AddSeconds(seconds[e]).AddTicks(random.Next(10_000_000));
                    insertEvent.Parameters[1].Value = rule.Kind;
                    insertEvent.Parameters[2].Value = rule.Points;
                    insertEvent.Parameters[3].Value = at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
                    insertEvent.Parameters[5].Value = Reference(rule.Kind, first.AddDays(d), random);
                    insertEvent.ExecuteNonQuery();
                    total += rule.Points;
                }

                insertDay.Parameters[1].Value = dayText[d];
                for (var k = 0; k < rules.Count; k++)
                {
                    if (perKindDay[k] > 0)
                    {
                        insertDay.Parameters[2].Value = rules[k].Kind;
                        insertDay.Parameters[3].Value = perKindDay[k] * rules[k].Points;
                        insertDay.ExecuteNonQuery();
                        kindCount[k] += perKindDay[k];
                        dayRows++;
                    }
                }
            }

            var right = Count(rules, kindCount, PointKinds.Daily) + Count(rules, kindCount, PointKinds.Challenge);
            var p = insertLearner.Parameters;
            p[0].Value = userId;
            p[1].Value = total;
            p[2].Value = (object?)district ?? DBNull.Value;
            p[3].Value = run;
            p[4].Value = best;
            p[5].Value = dayText[last];
            p[6].Value = random.Next(3) == 0 ? 1 : 0;
            p[7].Value = Count(rules, kindCount, PointKinds.Course);
            p[8].Value = right + (int)(right * random.NextDouble() * 0.6);
            p[9].Value = right;
            insertLearner.ExecuteNonQuery();
            learners++;
            allPoints += total;
            written += count;
            sinceCommit += count;
            if (sinceCommit >= EventsPerTransaction)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                Use(transaction, insertEvent, insertDay, insertLearner);
                sinceCommit = 0;
            }

            if (written >= nextReport)
            {
                await stdout.WriteLineAsync($"  积分记录 {written}/{events}，{writing.Elapsed.TotalSeconds:F0} s，{written / writing.Elapsed.TotalSeconds:F0} 条/秒");
                nextReport += 5_000_000;
            }
        }

        transaction.Commit();
        transaction.Dispose();
        await stdout.WriteLineAsync($"写入 {written} 条积分记录、{dayRows} 条每日积分、{learners} 个学员汇总：{writing.Elapsed.TotalSeconds:F1} s" +
            $"（{written / Math.Max(0.001, writing.Elapsed.TotalSeconds):F0} 条/秒）");
        await using (var mode = connection.CreateCommand())
        {
            mode.CommandText = "PRAGMA journal_mode=WAL";
            await mode.ExecuteScalarAsync();
        }

        var checking = Stopwatch.StartNew();
        var eventCount = await ScalarAsync(connection, "SELECT COUNT(*) FROM learning_point_event");
        var eventPoints = await ScalarAsync(connection, "SELECT COALESCE(SUM(Points), 0) FROM learning_point_event");
        var dayPoints = await ScalarAsync(connection, "SELECT COALESCE(SUM(Points), 0) FROM learning_point_day");
        var learnerPoints = await ScalarAsync(connection, "SELECT COALESCE(SUM(Total), 0) FROM learning_learner");
        var ok = eventCount == events && eventPoints == learnerPoints && dayPoints == learnerPoints && learnerPoints == allPoints;
        await stdout.WriteLineAsync($"核对（{checking.Elapsed.TotalSeconds:F1} s）：积分记录 {eventCount} 条；SUM(积分记录.Points) = {eventPoints}，" +
            $"SUM(每日积分.Points) = {dayPoints}，SUM(学员.Total) = {learnerPoints}：{(ok ? "一致" : "不一致")}");
        await stdout.WriteLineAsync($"完成：共 {elapsed.Elapsed.TotalSeconds:F1} s。");
        return ok ? 0 : 1;
    }

    /// <summary>Events per user: log-normal weights (σ = 1.3), rounded at random, at most <paramref name="max"/>, adding up to exactly <paramref name="events"/>.</summary>
    private static int[] Spread(long events, List<(string Id, string? District, bool SignsIn)> users, int max, Random random)
    {
        var weights = new double[users.Count];
        for (var u = 0; u < users.Count; u++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            weights[u] = Math.Exp(1.3 * gaussian);
        }

        var scale = events / weights.Sum();
        var counts = new int[users.Count];
        long sum = 0;
        for (var u = 0; u < users.Count; u++)
        {
            var x = weights[u] * scale;
            var c = (int)Math.Min(max, Math.Floor(x) + (random.NextDouble() < x - Math.Floor(x) ? 1 : 0));
            // The accounts that sign in during the benchmark (bench0000001 … bench0000100) all have some history.
            counts[u] = users[u].SignsIn && events >= users.Count ? Math.Max(1, c) : c;
            sum += counts[u];
        }

        while (sum != events)
        {
            var u = random.Next(users.Count);
            if (sum < events && counts[u] < max)
            {
                counts[u]++;
                sum++;
            }
            else if (sum > events && counts[u] > (users[u].SignsIn ? 1 : 0))
            {
                counts[u]--;
                sum--;
            }
        }

        return counts;
    }

    /// <summary>Marks the active days (runs of consecutive days with gaps between) and returns how many.</summary>
    private static int ChooseDays(int events, bool[] active, Random random)
    {
        Array.Clear(active);
        var perDay = 1 + random.NextDouble() * 14;
        var days = (int)Math.Clamp(Math.Round(events / perDay), Math.Ceiling(events / (double)MaxPerDay), Math.Min(Days, events));
        var density = days / (double)Days;
        var runLength = 1 + random.NextDouble() * 12;
        var gap = runLength * (1 - density) / density;
        var picked = 0;
        var day = random.Next(Math.Max(1, (int)((Days - days) * random.NextDouble()) + 1));
        while (picked < days && day < Days)
        {
            var run = Math.Max(1, (int)Math.Round(-runLength * Math.Log(1 - random.NextDouble())));
            for (var r = 0; r < run && picked < days && day < Days; r++, day++)
            {
                active[day] = true;
                picked++;
            }

            day += (int)Math.Round(-gap * Math.Log(1 - random.NextDouble()));
        }

        while (picked < days)
        {
            var d = random.Next(Days);
            if (!active[d])
            {
                active[d] = true;
                picked++;
            }
        }

        return days;
    }

    private static int PickKind(List<(string Kind, int Points, int MaxCount, double Weight)> rules, int[] used, Random random)
    {
        var sum = 0.0;
        for (var k = 0; k < rules.Count; k++)
        {
            sum += used[k] < rules[k].MaxCount ? rules[k].Weight : 0;
        }

        var x = random.NextDouble() * sum;
        var lastOpen = -1;
        for (var k = 0; k < rules.Count; k++)
        {
            if (used[k] >= rules[k].MaxCount)
            {
                continue;
            }

            lastOpen = k;
            x -= rules[k].Weight;
            if (x < 0)
            {
                return k;
            }
        }

        return lastOpen;
    }

    private static string Reference(string kind, DateOnly day, Random random) => kind switch
    {
        PointKinds.Read => $"content:{random.Next(1, 100_001)}",
        PointKinds.Lesson => $"lesson:{random.Next(1, 200)}",
        PointKinds.Quiz => $"quiz:{random.Next(1, 200)}",
        PointKinds.Course => $"course:{random.Next(1, 20)}",
        PointKinds.Daily => $"daily:{day:yyyyMMdd}:{random.Next(1, 2000)}",
        _ => $"challenge:{random.Next(1, 1_000_000)}:{random.Next(1, 2000)}",
    };

    private static int Count(List<(string Kind, int Points, int MaxCount, double Weight)> rules, int[] counts, string kind)
    {
        var k = rules.FindIndex(r => r.Kind == kind);
        return k < 0 ? 0 : counts[k];
    }

    private static int Median(int[] counts)
    {
        var sorted = (int[])counts.Clone();
        Array.Sort(sorted);
        return sorted[sorted.Length / 2];
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Use(SqliteTransaction transaction, params SqliteCommand[] commands)
    {
        foreach (var command in commands)
        {
            command.Transaction = transaction;
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
