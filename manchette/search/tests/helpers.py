def titles(response):
    assert response.status_code == 200
    return [article.title for article in response.context["results"] or []]


def search(client, query, **params):
    return client.get("/recherche/", {"q": query, **params})
