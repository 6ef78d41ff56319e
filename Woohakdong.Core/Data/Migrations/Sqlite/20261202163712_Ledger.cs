using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Ledger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LedgerOpenToMembers",
                table: "Clubs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "LedgerEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClubId = table.Column<long>(type: "INTEGER", nullable: false),
                    TermKey = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Memo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReversesId = table.Column<long>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_AspNetUsers_RecordedBy",
                        column: x => x.RecordedBy,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_Clubs_ClubId",
                        column: x => x.ClubId,
                        principalTable: "Clubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_JoinOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "JoinOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LedgerEntries_LedgerEntries_ReversesId",
                        column: x => x.ReversesId,
                        principalTable: "LedgerEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LedgerReceipts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LedgerReceipts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LedgerReceipts_IssuedUploads_Key",
                        column: x => x.Key,
                        principalTable: "IssuedUploads",
                        principalColumn: "Key");
                    table.ForeignKey(
                        name: "FK_LedgerReceipts_LedgerEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "LedgerEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ClubId_TermKey_Date",
                table: "LedgerEntries",
                columns: new[] { "ClubId", "TermKey", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OrderId_Order",
                table: "LedgerEntries",
                column: "OrderId",
                unique: true,
                filter: "\"Source\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_OrderId_Refund",
                table: "LedgerEntries",
                column: "OrderId",
                unique: true,
                filter: "\"Source\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_RecordedBy",
                table: "LedgerEntries",
                column: "RecordedBy");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerEntries_ReversesId",
                table: "LedgerEntries",
                column: "ReversesId",
                unique: true,
                filter: "\"ReversesId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerReceipts_EntryId",
                table: "LedgerReceipts",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_LedgerReceipts_Key",
                table: "LedgerReceipts",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LedgerReceipts");

            migrationBuilder.DropTable(
                name: "LedgerEntries");

            migrationBuilder.DropColumn(
                name: "LedgerOpenToMembers",
                table: "Clubs");
        }
    }
}
