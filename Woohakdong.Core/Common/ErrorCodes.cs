namespace Woohakdong.Core.Common;

/// <summary>The stable error codes shared by every feature; each has a text in ErrorMessages.resx.</summary>
public static class ErrorCodes
{
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthorized = "UNAUTHORIZED";
    public const string InvalidInput = "INVALID_INPUT";
    public const string ClubNotFound = "CLUB_NOT_FOUND";
    public const string UserNotFound = "USER_NOT_FOUND";
    public const string MemberNotFound = "MEMBER_NOT_FOUND";
    public const string DuplicateEnglishName = "DUPLICATE_ENGLISH_NAME";
    public const string NameRequired = "NAME_REQUIRED";
    public const string NameTooLong = "NAME_TOO_LONG";
    public const string EnglishNameInvalid = "ENGLISH_NAME_INVALID";
    public const string DescriptionTooLong = "DESCRIPTION_TOO_LONG";
    public const string RoomTooLong = "ROOM_TOO_LONG";
    public const string ChatLinkInvalid = "CHAT_LINK_INVALID";
    public const string FeeNegative = "FEE_NEGATIVE";
    public const string FeeTooHigh = "FEE_TOO_HIGH";
    public const string SeatLimitInvalid = "SEAT_LIMIT_INVALID";
    public const string PresidentRoleProtected = "PRESIDENT_ROLE_PROTECTED";
    public const string UsePresidencyHandover = "USE_PRESIDENCY_HANDOVER";
    public const string AlreadyPresident = "ALREADY_PRESIDENT";
    public const string ProfileFieldTooLong = "PROFILE_FIELD_TOO_LONG";
    public const string PhoneInvalid = "PHONE_INVALID";
    public const string StudentNumberInvalid = "STUDENT_NUMBER_INVALID";
    public const string Concurrency = "CONCURRENT_UPDATE";
    public const string GroupNotFound = "GROUP_NOT_FOUND";
    public const string SeatLimitBelowTaken = "SEAT_LIMIT_BELOW_TAKEN";
    public const string Full = "FULL";
    public const string AlreadyMember = "ALREADY_MEMBER";
    public const string NotRecruiting = "NOT_RECRUITING";
    public const string Busy = "BUSY";
    public const string ProfileIncomplete = "PROFILE_INCOMPLETE";
    public const string PaymentRequired = "PAYMENT_REQUIRED";
    public const string HoldNotFound = "HOLD_NOT_FOUND";
    public const string AlreadyHolding = "ALREADY_HOLDING";
    public const string HoldEnded = "HOLD_ENDED";
    public const string DuplicateOrder = "DUPLICATE_ORDER";
    public const string MerchantUidInvalid = "MERCHANT_UID_INVALID";
    public const string OrderNotFound = "ORDER_NOT_FOUND";
    public const string PaymentGatewayUnavailable = "PAYMENT_GATEWAY_UNAVAILABLE";
    public const string ImageCountInvalid = "IMAGE_COUNT_INVALID";
    public const string ImageTypeNotAllowed = "IMAGE_TYPE_NOT_ALLOWED";
    public const string ImageNotIssued = "IMAGE_NOT_ISSUED";
    public const string ImageNotUploaded = "IMAGE_NOT_UPLOADED";
    public const string ImageTooLarge = "IMAGE_TOO_LARGE";
    public const string ImageContentMismatch = "IMAGE_CONTENT_MISMATCH";
    public const string RefundReasonRequired = "REFUND_REASON_REQUIRED";
    public const string RefundReasonTooLong = "REFUND_REASON_TOO_LONG";
    public const string OrderAlreadyRefunded = "ORDER_ALREADY_REFUNDED";
    public const string OrderNotRefundable = "ORDER_NOT_REFUNDABLE";
    public const string RefundRefusedByGateway = "REFUND_REFUSED_BY_GATEWAY";
}
