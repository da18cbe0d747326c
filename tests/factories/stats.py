"""Factories of the figures staff keep: media mentions and social followers."""

import datetime

import factory

from stats.models import MediaMention, SocialFollowers


class MediaMentionFactory(factory.django.DjangoModelFactory):
    date = datetime.date(2017, 3, 1)
    outlet = "Binnenlands Bestuur"
    title = factory.Sequence(lambda n: f"Kennisplatform in het nieuws {n}")
    url = factory.Sequence(lambda n: f"https://www.example.org/nieuws/{n}")

    class Meta:
        model = MediaMention


class SocialFollowersFactory(factory.django.DjangoModelFactory):
    channel = SocialFollowers.Channel.X
    year = 2017
    followers = 1936

    class Meta:
        model = SocialFollowers
