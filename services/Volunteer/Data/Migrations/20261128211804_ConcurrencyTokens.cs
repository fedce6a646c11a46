using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Volunteer.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConcurrencyTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_volunteers_account_subject",
                table: "volunteers");

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "wishes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "service_hours",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "activities",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_account_subject",
                table: "volunteers",
                column: "account_subject",
                unique: true,
                filter: "account_subject IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_volunteers_account_subject",
                table: "volunteers");

            migrationBuilder.DropColumn(
                name: "version",
                table: "wishes");

            migrationBuilder.DropColumn(
                name: "version",
                table: "service_hours");

            migrationBuilder.DropColumn(
                name: "version",
                table: "activities");

            migrationBuilder.CreateIndex(
                name: "ix_volunteers_account_subject",
                table: "volunteers",
                column: "account_subject");
        }
    }
}
