from wagtail import hooks

from questions.views import SubmittedQuestionViewSet


@hooks.register("register_admin_viewset")
def register_submitted_question_viewset():
    return SubmittedQuestionViewSet("submitted_questions")
