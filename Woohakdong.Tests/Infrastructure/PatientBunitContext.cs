using Bunit;

namespace Woohakdong.Tests.Infrastructure;

/// <summary>
/// bUnit with <see cref="Eventually.Limit"/> as its wait: bUnit's own default (1 s) bounds every WaitFor and fails any
/// JS invocation a test answers later than that, so on a loaded CI machine a correct test failed. Every bUnit test
/// starts from here.
/// </summary>
public class PatientBunitContext : BunitContext
{
    public PatientBunitContext() => DefaultWaitTimeout = Eventually.Limit;
}
