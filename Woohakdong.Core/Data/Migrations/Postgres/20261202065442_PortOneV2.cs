using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PortOneV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "GatewayVersion",
                table: "JoinOrders",
                type: "integer",
                nullable: false,
                // Every order made before this migration was made with PortOne V1.
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "WebhookReceipts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ForgetAfter = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebhookReceipts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WebhookReceipts_ForgetAfter",
                table: "WebhookReceipts",
                column: "ForgetAfter");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WebhookReceipts");

            migrationBuilder.DropColumn(
                name: "GatewayVersion",
                table: "JoinOrders");
        }
    }
}
