using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemindersSentAt",
                table: "SeatPools",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RemindersSentAt",
                table: "SeatPools");
        }
    }
}
