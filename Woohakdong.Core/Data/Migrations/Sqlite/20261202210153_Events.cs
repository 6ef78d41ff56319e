using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Events : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Audience",
                table: "SeatPools",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CancelDeadline",
                table: "SeatPools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Capacity",
                table: "SeatPools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "SeatPools",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "EndsAt",
                table: "SeatPools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Place",
                table: "SeatPools",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SignupClosesAt",
                table: "SeatPools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SignupOpensAt",
                table: "SeatPools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartsAt",
                table: "SeatPools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "SeatPools",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Title",
                table: "SeatPools",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EventSignups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EventId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TicketCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HoldId = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSignups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventSignups_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventSignups_SeatHolds_HoldId",
                        column: x => x.HoldId,
                        principalTable: "SeatHolds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EventSignups_SeatPools_EventId",
                        column: x => x.EventId,
                        principalTable: "SeatPools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SeatPools_ClubId_StartsAt",
                table: "SeatPools",
                columns: new[] { "ClubId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EventSignups_EventId_UserId",
                table: "EventSignups",
                columns: new[] { "EventId", "UserId" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_EventSignups_HoldId",
                table: "EventSignups",
                column: "HoldId");

            migrationBuilder.CreateIndex(
                name: "IX_EventSignups_TicketCode",
                table: "EventSignups",
                column: "TicketCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventSignups_UserId",
                table: "EventSignups",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventSignups");

            migrationBuilder.DropIndex(
                name: "IX_SeatPools_ClubId_StartsAt",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "Audience",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "CancelDeadline",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "Capacity",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "EndsAt",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "SignupClosesAt",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "SignupOpensAt",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "Title",
                table: "SeatPools");
        }
    }
}
