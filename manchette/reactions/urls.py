app_name = "reactions"
urlpatterns = []
