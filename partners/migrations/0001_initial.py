"""partnerindexpage moved here from home (home 0007 renamed its table): the model enters this
app's state without a database change, and its content type follows it, so existing pages,
revisions, translations and permissions keep pointing at it."""

import core.routing.resolver
import django.db.models.deletion
import wagtail.contrib.routable_page.models
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label="home", model="partnerindexpage").first()
    if old is not None:
        ContentType.objects.filter(app_label="partners", model="partnerindexpage").delete()
        old.app_label = "partners"
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
            name='PartnerIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, max_length=600, verbose_name='introduction')),
                ('social_image', models.ForeignKey(blank=True, help_text='Shown when the page is shared; 1200×630 pixels works best.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image', verbose_name='social image')),
            ],
            options={
                'verbose_name': 'partner index',
            },
            bases=(wagtail.contrib.routable_page.models.RoutablePageMixin, core.routing.resolver.BreadcrumbAncestorsMixin, 'wagtailcore.page', models.Model),
        )]),
    ]
