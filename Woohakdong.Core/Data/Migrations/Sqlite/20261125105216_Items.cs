using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Items : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddUniqueConstraint(
                name: "AK_IssuedUploads_Key",
                table: "IssuedUploads",
                column: "Key");

            migrationBuilder.CreateTable(
                name: "Items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClubId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MaxLoanDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Unavailable = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Items_Clubs_ClubId",
                        column: x => x.ClubId,
                        principalTable: "Clubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemImages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemImages_IssuedUploads_Key",
                        column: x => x.Key,
                        principalTable: "IssuedUploads",
                        principalColumn: "Key");
                    table.ForeignKey(
                        name: "FK_ItemImages_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ItemLoans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    BorrowerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BorrowedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReturnedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReturnPhotoKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemLoans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItemLoans_AspNetUsers_BorrowerId",
                        column: x => x.BorrowerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemLoans_IssuedUploads_ReturnPhotoKey",
                        column: x => x.ReturnPhotoKey,
                        principalTable: "IssuedUploads",
                        principalColumn: "Key");
                    table.ForeignKey(
                        name: "FK_ItemLoans_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ItemImages_ItemId",
                table: "ItemImages",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ItemImages_Key",
                table: "ItemImages",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItemLoans_BorrowerId_ReturnedAt",
                table: "ItemLoans",
                columns: new[] { "BorrowerId", "ReturnedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemLoans_ItemId_BorrowedAt",
                table: "ItemLoans",
                columns: new[] { "ItemId", "BorrowedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ItemLoans_OpenPerItem",
                table: "ItemLoans",
                column: "ItemId",
                unique: true,
                filter: "\"ReturnedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ItemLoans_ReturnPhotoKey",
                table: "ItemLoans",
                column: "ReturnPhotoKey",
                unique: true,
                filter: "\"ReturnPhotoKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Items_ClubId_DeletedAt",
                table: "Items",
                columns: new[] { "ClubId", "DeletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItemImages");

            migrationBuilder.DropTable(
                name: "ItemLoans");

            migrationBuilder.DropTable(
                name: "Items");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_IssuedUploads_Key",
                table: "IssuedUploads");
        }
    }
}
