using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventWaitlist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ByApproval",
                table: "SeatHolds",
                newName: "Reserved");

            migrationBuilder.AddColumn<int>(
                name: "Waitlisted",
                table: "SeatPools",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "WaitlistEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    HoldId = table.Column<long>(type: "INTEGER", nullable: true),
                    OfferedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OfferExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_SeatHolds_HoldId",
                        column: x => x.HoldId,
                        principalTable: "SeatHolds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_SeatPools_EventId",
                        column: x => x.EventId,
                        principalTable: "SeatPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_SeatPools_Waitlisted",
                table: "SeatPools",
                sql: "\"Waitlisted\" >= 0");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_EventId_Status_Id",
                table: "WaitlistEntries",
                columns: new[] { "EventId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_EventId_UserId",
                table: "WaitlistEntries",
                columns: new[] { "EventId", "UserId" },
                unique: true,
                filter: "\"Status\" IN ('Waiting', 'Offered')");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_HoldId",
                table: "WaitlistEntries",
                column: "HoldId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_UserId",
                table: "WaitlistEntries",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WaitlistEntries");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SeatPools_Waitlisted",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "Waitlisted",
                table: "SeatPools");

            migrationBuilder.RenameColumn(
                name: "Reserved",
                table: "SeatHolds",
                newName: "ByApproval");
        }
    }
}
