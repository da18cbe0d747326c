"""The partner index and the annual report moved to apps of their own (partners,
annual_report). Their tables are renamed here and their rows stay; the models leave home's
state, and the new apps' first migrations take them over without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_merge_20261126_0137"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("partnerindexpage", "partners_partnerindexpage"),
                migrations.AlterModelTable("annualreportpage", "annual_report_annualreportpage"),
            ],
            state_operations=[
                migrations.DeleteModel(name="AnnualReportPage"),
                migrations.DeleteModel(name="PartnerIndexPage"),
            ],
        ),
    ]
