namespace Kepu.Web.Features.Accounts;

/// <summary>A module's records about a person, for 我的数据: a section name and what it keeps (plain, serialisable data).</summary>
public interface IPersonalDataSource
{
    string Section { get; }

    Task<object> ExportAsync(string userId, CancellationToken ct = default);
}
