using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OverdueNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "LastOverdueNoticeOn",
                table: "ItemLoans",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItemLoans_OpenByDueOn",
                table: "ItemLoans",
                column: "DueOn",
                filter: "\"ReturnedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ItemLoans_OpenByDueOn",
                table: "ItemLoans");

            migrationBuilder.DropColumn(
                name: "LastOverdueNoticeOn",
                table: "ItemLoans");
        }
    }
}
