using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Volunteer.Data.Migrations
{
    /// <inheritdoc />
    public partial class HoursRecordedByHand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "sign_up_id",
                table: "service_hours",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "record_note",
                table: "service_hours",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by",
                table: "service_hours",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "record_note",
                table: "service_hours");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                table: "service_hours");

            migrationBuilder.AlterColumn<Guid>(
                name: "sign_up_id",
                table: "service_hours",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
