"""annualreportpage moved here from home (home 0007 renamed its table): the model enters this
app's state without a database change, and its content type follows it, so existing pages,
revisions, translations and permissions keep pointing at it."""

import core.routing.resolver
import django.core.validators
import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="home", model="annualreportpage").first()
    if old is not None:
        ContentType.objects.filter(app_label="annual_report", model="annualreportpage").delete()
        old.app_label = "annual_report"
        old.save(update_fields=["app_label"])


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('home', '0007_move_partner_index_and_annual_report'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='AnnualReportPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('year', models.PositiveSmallIntegerField(help_text='The year the report is about: live figures are computed for it.', validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('intro', models.TextField(max_length=800, verbose_name='introduction')),
                ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('key_figures', 4), ('month_chart', 7), ('publication_figures', 11), ('theme_overview', 14), ('testimonial', 16), ('audience', 22)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'text', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3')], 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Paragraphs of text with links and lists.', 'features': ['h2', 'h3', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'label': 'Text', 'preview_value': '<p>Het kennisplatform deelt kennis over integratie en diversiteit.</p>', 'template': 'blocks/rich_text.html'}), 4: ('annual_report.blocks.ReportFiguresBlock', (), {}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'max_length': 120, 'required': False}), 6: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('visits', 'Visits'), ('downloads', 'Downloads')], 'label': 'figures'}), 7: ('wagtail.blocks.StructBlock', [[('heading', 5), ('series', 6)]], {}), 8: ('wagtail.blocks.PageChooserBlock', (), {'page_type': ['dossiers.PublicationPage']}), 9: ('wagtail.blocks.ListBlock', (8,), {'help_text': 'Leave empty to show the most downloaded publications of the year.', 'label': 'publications', 'required': False}), 10: ('wagtail.blocks.IntegerBlock', (), {'default': 5, 'label': 'how many', 'max_value': 20, 'min_value': 1}), 11: ('wagtail.blocks.StructBlock', [[('heading', 5), ('publications', 9), ('count', 10)]], {}), 12: ('wagtail.blocks.PageChooserBlock', (), {'page_type': ['themes.ThemePage']}), 13: ('wagtail.blocks.ListBlock', (12,), {'help_text': 'Leave empty for every theme.', 'label': 'themes', 'required': False}), 14: ('wagtail.blocks.StructBlock', [[('heading', 5), ('themes', 13)]], {}), 15: ('wagtail.snippets.blocks.SnippetChooserBlock', ('themes.Testimonial',), {'label': 'testimonial'}), 16: ('wagtail.blocks.StructBlock', [[('testimonial', 15)]], {}), 17: ('wagtail.blocks.CharBlock', (), {'label': 'group', 'max_length': 120}), 18: ('wagtail.blocks.DecimalBlock', (), {'decimal_places': 1, 'help_text': "The group's share of the audience, if known.", 'label': 'share (%)', 'max_value': 100, 'min_value': 0, 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('label', 17), ('share', 18)]], {}), 20: ('wagtail.blocks.ListBlock', (19,), {'label': 'groups'}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'source', 'max_length': 200, 'required': False}), 22: ('wagtail.blocks.StructBlock', [[('heading', 5), ('groups', 20), ('source', 21)]], {})}, verbose_name='body')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared; 1200×630 pixels works best.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'annual report',
            },
            bases=(core.routing.resolver.BreadcrumbAncestorsMixin, 'wagtailcore.page', models.Model),
        )]),
    ]
