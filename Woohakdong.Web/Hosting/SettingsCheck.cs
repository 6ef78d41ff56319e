using Microsoft.Extensions.Options;

namespace Woohakdong.Web.Hosting;

public static class SettingsCheck
{
    /// <summary>
    /// Validates every setting registered with <c>ValidateOnStart</c> before anything uses one (the migration runs before
    /// the host starts). A missing or wrong setting is printed, each on its own line, for the operator to fix; the caller
    /// then exits with code 1 instead of crashing with a stack trace.
    /// </summary>
    public static bool SettingsAreValid(this WebApplication app)
    {
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception error) when (error is OptionsValidationException or AggregateException)
        {
            foreach (var failure in Failures(error)) Console.Error.WriteLine($"Woohakdong cannot start: {failure}");
            return false;
        }
    }

    private static IEnumerable<string> Failures(Exception error) => error switch
    {
        OptionsValidationException invalid => invalid.Failures,
        AggregateException many => many.InnerExceptions.SelectMany(Failures),
        _ => [error.Message],
    };
}
