"""Factories of the question service: its pages and submitted questions."""

import factory
import wagtail_factories

from questions.models import QuestionIndexPage, QuestionKind, QuestionPage, SubmittedQuestion


class QuestionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Vragen"
    slug = "vragen"
    intro = "Stel uw vraag over integratie, migratie of diversiteit."
    kind_straightforward = "Antwoord binnen enkele dagen."
    kind_research = "Antwoord na uitzoekwerk."
    kind_complex = "Een onderzoeksproject."

    class Meta:
        model = QuestionIndexPage


class QuestionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Vraag {n}")
    question = factory.Sequence(lambda n: f"Hoe werkt integratie in gemeente {n}?")
    requester_role = "Beleidsmedewerker"
    requester_organisation = "Gemeente Utrecht"
    kind = QuestionKind.STRAIGHTFORWARD

    class Meta:
        model = QuestionPage


class SubmittedQuestionFactory(factory.django.DjangoModelFactory):
    name = "Fatima el Amrani"
    email = factory.Sequence(lambda n: f"vraagsteller{n}@example.org")
    organisation = "Gemeente Zwolle"
    role = "Beleidsadviseur"
    question = "Welke aanpak werkt om statushouders aan werk te helpen?"

    class Meta:
        model = SubmittedQuestion
