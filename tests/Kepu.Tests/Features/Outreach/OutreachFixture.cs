using Kepu.Tests.Infrastructure;

namespace Kepu.Tests.Features.Outreach;

/// <summary>A host on a clock the test moves (check-in opens an hour before the start; feedback after the end).</summary>
public sealed class OutreachFixture : ClockedFactory;
