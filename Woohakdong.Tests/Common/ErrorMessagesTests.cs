using System.Globalization;
using System.Reflection;
using System.Resources;
using Woohakdong.Core.Common;

namespace Woohakdong.Tests.Common;

public sealed class ErrorMessagesTests
{
    private static readonly ResourceManager Messages = new(typeof(ErrorMessages).FullName!, typeof(ErrorMessages).Assembly);

    public static TheoryData<string> Codes() =>
        [.. typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetRawConstantValue()!)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_error_code_has_a_korean_and_an_english_text(string code)
    {
        var korean = Messages.GetString(code, CultureInfo.GetCultureInfo("ko-KR"));
        var english = Messages.GetString(code, CultureInfo.GetCultureInfo("en-US"));

        Assert.False(string.IsNullOrWhiteSpace(korean), code);
        Assert.False(string.IsNullOrWhiteSpace(english), code);
        Assert.NotEqual(korean, english);
    }
}
