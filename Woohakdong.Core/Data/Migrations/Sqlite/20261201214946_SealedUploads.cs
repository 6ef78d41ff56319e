using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Woohakdong.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SealedUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssuedUploads_UserId",
                table: "IssuedUploads");

            migrationBuilder.AddColumn<long>(
                name: "LoanId",
                table: "IssuedUploads",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UploadKey",
                table: "IssuedUploads",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "VerifiedAt",
                table: "IssuedUploads",
                type: "INTEGER",
                nullable: true);

            // Uploads attached before verified copies existed were checked where they were uploaded: their image key
            // is their upload key, and their URLs expired long ago. Unattached ones go (the sweep removes their objects);
            // a URL issued in the minutes before this update must be asked for again.
            migrationBuilder.Sql("""
                DELETE FROM "IssuedUploads"
                WHERE "Key" NOT IN (SELECT "Key" FROM "ItemImages")
                  AND "Key" NOT IN (SELECT "ReturnPhotoKey" FROM "ItemLoans" WHERE "ReturnPhotoKey" IS NOT NULL);
                UPDATE "IssuedUploads" SET "UploadKey" = "Key", "VerifiedAt" = "IssuedAt";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedUploads_LoanId",
                table: "IssuedUploads",
                column: "LoanId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedUploads_UploadKey",
                table: "IssuedUploads",
                column: "UploadKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedUploads_UserId_ClubId_ExpiresAt",
                table: "IssuedUploads",
                columns: new[] { "UserId", "ClubId", "ExpiresAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IssuedUploads_LoanId",
                table: "IssuedUploads");

            migrationBuilder.DropIndex(
                name: "IX_IssuedUploads_UploadKey",
                table: "IssuedUploads");

            migrationBuilder.DropIndex(
                name: "IX_IssuedUploads_UserId_ClubId_ExpiresAt",
                table: "IssuedUploads");

            migrationBuilder.DropColumn(
                name: "LoanId",
                table: "IssuedUploads");

            migrationBuilder.DropColumn(
                name: "UploadKey",
                table: "IssuedUploads");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "IssuedUploads");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedUploads_UserId",
                table: "IssuedUploads",
                column: "UserId");
        }
    }
}
