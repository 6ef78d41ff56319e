namespace Woohakdong.Tests.Enrollment.TwoInstances;

/// <summary>
/// The app processes, their 500 students and their crowds load both cores: these tests run alone, after the
/// parallel ones, and share one <see cref="TwoInstances"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TwoInstancesCollection : ICollectionFixture<TwoInstances>
{
    public const string Name = "Two app processes";
}
