using Woohakdong.Core.Items;

namespace Woohakdong.Web.Components.Pages.Items;

/// <summary>The item form's fields; the service trims and checks them again.</summary>
public sealed class ItemFormModel
{
    public const int DefaultLoanDays = 7;

    public string Name { get; set; } = "";
    public ItemCategory Category { get; set; } = ItemCategory.Etc;
    public string Description { get; set; } = "";
    public string Location { get; set; } = "";
    public int MaxLoanDays { get; set; } = DefaultLoanDays;

    public void Fill(ItemDetail item) =>
        (Name, Category, Description, Location, MaxLoanDays) = (item.Name, item.Category, item.Description, item.Location, item.MaxLoanDays);

    public ItemInput ToInput(IReadOnlyList<string> imageKeys) => new(Name, Category, Description, Location, MaxLoanDays, imageKeys);
}
