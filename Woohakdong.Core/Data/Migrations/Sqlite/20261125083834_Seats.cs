using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Seats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "JoinGroupId",
                table: "ClubMemberships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "JoinGroups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ClubId = table.Column<long>(type: "INTEGER", nullable: false),
                    TermKey = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    SeatLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    SeatsTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    Recruiting = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JoinGroups", x => x.Id);
                    table.CheckConstraint("CK_JoinGroups_SeatsTaken", "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"SeatLimit\"");
                    table.ForeignKey(
                        name: "FK_JoinGroups_Clubs_ClubId",
                        column: x => x.ClubId,
                        principalTable: "Clubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SeatHolds",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GroupId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatHolds_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SeatHolds_JoinGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "JoinGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClubMemberships_JoinGroupId",
                table: "ClubMemberships",
                column: "JoinGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_JoinGroups_ClubId_TermKey",
                table: "JoinGroups",
                columns: new[] { "ClubId", "TermKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatHolds_GroupId_UserId",
                table: "SeatHolds",
                columns: new[] { "GroupId", "UserId" },
                unique: true,
                filter: "\"State\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_SeatHolds_State_ExpiresAt",
                table: "SeatHolds",
                columns: new[] { "State", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SeatHolds_UserId",
                table: "SeatHolds",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_ClubMemberships_JoinGroups_JoinGroupId",
                table: "ClubMemberships",
                column: "JoinGroupId",
                principalTable: "JoinGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ClubMemberships_JoinGroups_JoinGroupId",
                table: "ClubMemberships");

            migrationBuilder.DropTable(
                name: "SeatHolds");

            migrationBuilder.DropTable(
                name: "JoinGroups");

            migrationBuilder.DropIndex(
                name: "IX_ClubMemberships_JoinGroupId",
                table: "ClubMemberships");

            migrationBuilder.DropColumn(
                name: "JoinGroupId",
                table: "ClubMemberships");
        }
    }
}
