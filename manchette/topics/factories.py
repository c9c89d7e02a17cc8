import factory

from manchette.topics.models import Topic, TopicAlias, TopicKind, TopicSuggestion


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sujet {n}")
    kind = TopicKind.PLACE
    description = "Une courte présentation du sujet."
    confirmed = True

    class Meta:
        model = Topic
        skip_postgeneration_save = True

    @factory.post_generation
    def aliases(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                TopicAlias.objects.create(topic=self, name=name)


class TopicSuggestionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Nom Propre {n}")
    kind = TopicKind.PERSON

    class Meta:
        model = TopicSuggestion
        skip_postgeneration_save = True

    @factory.post_generation
    def articles(self, create, extracted, **kwargs):
        if create and extracted:
            self.articles.set(extracted)
