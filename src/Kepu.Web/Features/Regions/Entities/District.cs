using Kepu.Web.Infrastructure.Errors;

namespace Kepu.Web.Features.Regions.Entities;

/// <summary>One of Chongqing's 38 districts and counties (区县), keyed by its GB/T 2260 code.</summary>
public sealed class District
{
    private District()
    {
    }

    public District(string code, string name, string group, int sortOrder, bool remote, bool ethnic, bool poverty, bool oldRevolutionary)
    {
        Code = code;
        Name = name;
        Group = group;
        SortOrder = sortOrder;
        Remote = remote;
        Ethnic = ethnic;
        Poverty = poverty;
        OldRevolutionary = oldRevolutionary;
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Group { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool Remote { get; private set; }
    public bool Ethnic { get; private set; }
    public bool Poverty { get; private set; }
    public bool OldRevolutionary { get; private set; }

    public IReadOnlyList<string> Flags =>
    [
        .. Remote ? new[] { DistrictFlag.Remote } : [],
        .. Ethnic ? new[] { DistrictFlag.Ethnic } : [],
        .. Poverty ? new[] { DistrictFlag.Poverty } : [],
        .. OldRevolutionary ? new[] { DistrictFlag.OldRevolutionary } : [],
    ];

    /// <summary>
    /// Applies an administrator's edit and returns one change record per field that actually changed,
    /// so the history shows who changed what from which value to which.
    /// </summary>
    public IReadOnlyList<DistrictChange> Update(string name, string group, IReadOnlyCollection<string> flags, string changedBy, DateTime now)
    {
        if (!RegionGroup.IsValid(group))
        {
            throw new BusinessRuleException($"区域分组“{group}”无效。");
        }

        var unknown = flags.Where(f => !DistrictFlag.All.Contains(f)).ToList();
        if (unknown.Count > 0)
        {
            throw new BusinessRuleException($"未知的区县标记：{string.Join("、", unknown)}。");
        }

        var changes = new List<DistrictChange>();
        void Record(string field, string oldValue, string newValue)
        {
            if (oldValue != newValue)
            {
                changes.Add(new DistrictChange(Code, field, oldValue, newValue, changedBy, now));
            }
        }

        Record("name", Name, name);
        Record("group", Group, group);
        Record("flags", string.Join(",", Flags), string.Join(",", DistrictFlag.All.Where(flags.Contains)));

        Name = name;
        Group = group;
        Remote = flags.Contains(DistrictFlag.Remote);
        Ethnic = flags.Contains(DistrictFlag.Ethnic);
        Poverty = flags.Contains(DistrictFlag.Poverty);
        OldRevolutionary = flags.Contains(DistrictFlag.OldRevolutionary);
        return changes;
    }
}
