using Woohakdong.Core.Applications;
using Woohakdong.Core.Ledger;
using Woohakdong.Core.Membership;
using Woohakdong.Core.Payments;

namespace Woohakdong.Core.Exports;

/// <summary>The Korean words exported files use for roles, statuses and ledger terms.</summary>
internal static class ExportNames
{
    public static string Of(ClubRole role) => role switch
    {
        ClubRole.President => "회장",
        ClubRole.VicePresident => "부회장",
        ClubRole.Secretary => "총무",
        ClubRole.Officer => "임원",
        _ => "회원",
    };

    public static string Of(OrderStatus status) => status switch
    {
        OrderStatus.Pending => "결제 대기",
        OrderStatus.Paid => "결제 확인",
        OrderStatus.Completed => "완료",
        OrderStatus.Failed => "실패",
        OrderStatus.Expired => "만료",
        _ => "환불",
    };

    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => "제출됨",
        ApplicationStatus.Interview => "면접",
        ApplicationStatus.Approved => "합격",
        ApplicationStatus.Rejected => "불합격",
        ApplicationStatus.Withdrawn => "지원 취소",
        ApplicationStatus.Expired => "만료",
        _ => "가입 완료",
    };

    public static string Of(LedgerKind kind) => kind == LedgerKind.Income ? "수입" : "지출";

    public static string Of(LedgerCategory category) => category switch
    {
        LedgerCategory.MembershipFee => "회비",
        LedgerCategory.Food => "간식·식비",
        LedgerCategory.Venue => "장소 대관",
        LedgerCategory.Equipment => "장비",
        LedgerCategory.Event => "행사",
        LedgerCategory.OtherIncome => "회비 외 수입",
        _ => "기타",
    };

    public static string Of(LedgerSource source) => source switch
    {
        LedgerSource.Order => "결제",
        LedgerSource.Refund => "환불",
        _ => "직접 입력",
    };
}
