using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeatPools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Applications_JoinGroups_GroupId",
                table: "Applications");

            migrationBuilder.DropForeignKey(
                name: "FK_ClubMemberships_JoinGroups_JoinGroupId",
                table: "ClubMemberships");

            migrationBuilder.DropForeignKey(
                name: "FK_FormQuestions_JoinGroups_GroupId",
                table: "FormQuestions");

            migrationBuilder.DropForeignKey(
                name: "FK_JoinGroups_Clubs_ClubId",
                table: "JoinGroups");

            migrationBuilder.DropForeignKey(
                name: "FK_JoinOrders_JoinGroups_GroupId",
                table: "JoinOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_SeatHolds_JoinGroups_GroupId",
                table: "SeatHolds");

            migrationBuilder.DropPrimaryKey(
                name: "PK_JoinGroups",
                table: "JoinGroups");

            migrationBuilder.DropIndex(
                name: "IX_JoinGroups_ClubId_TermKey",
                table: "JoinGroups");

            migrationBuilder.DropCheckConstraint(
                name: "CK_JoinGroups_SeatsTaken",
                table: "JoinGroups");

            migrationBuilder.RenameTable(
                name: "JoinGroups",
                newName: "SeatPools");

            migrationBuilder.RenameColumn(
                name: "GroupId",
                table: "SeatHolds",
                newName: "PoolId");

            migrationBuilder.RenameIndex(
                name: "IX_SeatHolds_GroupId_UserId",
                table: "SeatHolds",
                newName: "IX_SeatHolds_PoolId_UserId");

            migrationBuilder.RenameColumn(
                name: "GroupId",
                table: "JoinOrders",
                newName: "PoolId");

            migrationBuilder.RenameIndex(
                name: "IX_JoinOrders_GroupId_UserId",
                table: "JoinOrders",
                newName: "IX_JoinOrders_PoolId_UserId");

            migrationBuilder.AlterColumn<bool>(
                name: "Recruiting",
                table: "SeatPools",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "INTEGER");

            migrationBuilder.AlterColumn<string>(
                name: "Policy",
                table: "SeatPools",
                type: "TEXT",
                maxLength: 16,
                nullable: true,
                defaultValue: "FirstCome",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 16,
                oldDefaultValue: "FirstCome");

            // Every existing join group becomes a pool of the Join kind.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "SeatPools",
                type: "TEXT",
                maxLength: 8,
                nullable: false,
                defaultValue: "Join");

            migrationBuilder.AddPrimaryKey(
                name: "PK_SeatPools",
                table: "SeatPools",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_SeatPools_ClubId",
                table: "SeatPools",
                column: "ClubId");

            migrationBuilder.CreateIndex(
                name: "IX_SeatPools_ClubId_TermKey",
                table: "SeatPools",
                columns: new[] { "ClubId", "TermKey" },
                unique: true,
                filter: "\"Kind\" = 'Join'");

            migrationBuilder.AddCheckConstraint(
                name: "CK_SeatPools_SeatsTaken",
                table: "SeatPools",
                sql: "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"SeatLimit\"");

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_SeatPools_GroupId",
                table: "Applications",
                column: "GroupId",
                principalTable: "SeatPools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ClubMemberships_SeatPools_JoinGroupId",
                table: "ClubMemberships",
                column: "JoinGroupId",
                principalTable: "SeatPools",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_FormQuestions_SeatPools_GroupId",
                table: "FormQuestions",
                column: "GroupId",
                principalTable: "SeatPools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_JoinOrders_SeatPools_PoolId",
                table: "JoinOrders",
                column: "PoolId",
                principalTable: "SeatPools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SeatHolds_SeatPools_PoolId",
                table: "SeatHolds",
                column: "PoolId",
                principalTable: "SeatPools",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_SeatPools_Clubs_ClubId",
                table: "SeatPools",
                column: "ClubId",
                principalTable: "Clubs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Applications_SeatPools_GroupId",
                table: "Applications");

            migrationBuilder.DropForeignKey(
                name: "FK_ClubMemberships_SeatPools_JoinGroupId",
                table: "ClubMemberships");

            migrationBuilder.DropForeignKey(
                name: "FK_FormQuestions_SeatPools_GroupId",
                table: "FormQuestions");

            migrationBuilder.DropForeignKey(
                name: "FK_JoinOrders_SeatPools_PoolId",
                table: "JoinOrders");

            migrationBuilder.DropForeignKey(
                name: "FK_SeatHolds_SeatPools_PoolId",
                table: "SeatHolds");

            migrationBuilder.DropForeignKey(
                name: "FK_SeatPools_Clubs_ClubId",
                table: "SeatPools");

            migrationBuilder.DropPrimaryKey(
                name: "PK_SeatPools",
                table: "SeatPools");

            migrationBuilder.DropIndex(
                name: "IX_SeatPools_ClubId",
                table: "SeatPools");

            migrationBuilder.DropIndex(
                name: "IX_SeatPools_ClubId_TermKey",
                table: "SeatPools");

            migrationBuilder.DropCheckConstraint(
                name: "CK_SeatPools_SeatsTaken",
                table: "SeatPools");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "SeatPools");

            migrationBuilder.RenameTable(
                name: "SeatPools",
                newName: "JoinGroups");

            migrationBuilder.RenameColumn(
                name: "PoolId",
                table: "SeatHolds",
                newName: "GroupId");

            migrationBuilder.RenameIndex(
                name: "IX_SeatHolds_PoolId_UserId",
                table: "SeatHolds",
                newName: "IX_SeatHolds_GroupId_UserId");

            migrationBuilder.RenameColumn(
                name: "PoolId",
                table: "JoinOrders",
                newName: "GroupId");

            migrationBuilder.RenameIndex(
                name: "IX_JoinOrders_PoolId_UserId",
                table: "JoinOrders",
                newName: "IX_JoinOrders_GroupId_UserId");

            migrationBuilder.AlterColumn<bool>(
                name: "Recruiting",
                table: "JoinGroups",
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Policy",
                table: "JoinGroups",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "FirstCome",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 16,
                oldNullable: true,
                oldDefaultValue: "FirstCome");

            migrationBuilder.AddPrimaryKey(
                name: "PK_JoinGroups",
                table: "JoinGroups",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_JoinGroups_ClubId_TermKey",
                table: "JoinGroups",
                columns: new[] { "ClubId", "TermKey" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_JoinGroups_SeatsTaken",
                table: "JoinGroups",
                sql: "\"SeatsTaken\" >= 0 AND \"SeatsTaken\" <= \"SeatLimit\"");

            migrationBuilder.AddForeignKey(
                name: "FK_Applications_JoinGroups_GroupId",
                table: "Applications",
                column: "GroupId",
                principalTable: "JoinGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ClubMemberships_JoinGroups_JoinGroupId",
                table: "ClubMemberships",
                column: "JoinGroupId",
                principalTable: "JoinGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_FormQuestions_JoinGroups_GroupId",
                table: "FormQuestions",
                column: "GroupId",
                principalTable: "JoinGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_JoinGroups_Clubs_ClubId",
                table: "JoinGroups",
                column: "ClubId",
                principalTable: "Clubs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_JoinOrders_JoinGroups_GroupId",
                table: "JoinOrders",
                column: "GroupId",
                principalTable: "JoinGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SeatHolds_JoinGroups_GroupId",
                table: "SeatHolds",
                column: "GroupId",
                principalTable: "JoinGroups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
