using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Learning.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kepu.Web.Features.Learning;

/// <summary>学习 in 我的数据: totals, courses, lessons, exams, certificates, activities, practice, and the points history.</summary>
public sealed class LearningPersonalData(AppDbContext db) : IPersonalDataSource
{
    public string Section => "学习";

    public async Task<object> ExportAsync(string userId, CancellationToken ct = default) => new
    {
        totals = await db.Set<Learner>().AsNoTracking().Where(l => l.UserId == userId).FirstOrDefaultAsync(ct),
        enrollments = await db.Set<Enrollment>().AsNoTracking().Where(e => e.UserId == userId).ToListAsync(ct),
        lessons = await db.Set<LessonProgress>().AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct),
        examAttempts = await db.Set<ExamAttempt>().AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new { a.ExamId, a.StartedAt, a.Deadline, a.SubmittedAt, a.Score, a.Passed, a.Late, a.CertificateCode }).ToListAsync(ct),
        certificates = await db.Set<Certificate>().AsNoTracking().Where(c => c.UserId == userId).ToListAsync(ct),
        activities = await db.Set<ScienceActivity>().AsNoTracking().Where(a => a.OwnerId == userId).ToListAsync(ct),
        dailyPractice = await db.Set<PracticeDay>().AsNoTracking().Where(p => p.UserId == userId).ToListAsync(ct),
        missedTopics = await db.Set<MissedTopic>().AsNoTracking().Where(m => m.UserId == userId).ToListAsync(ct),
        pointEvents = await db.Set<PointEvent>().AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.Id).ToListAsync(ct),
    };
}
