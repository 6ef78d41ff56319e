using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EventReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "RemindersSentAt",
                table: "SeatPools",
                type: "INTEGER",
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
