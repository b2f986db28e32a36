"""Django-aware helpers shared by the apps (jobbro/lib holds the framework-free ones)."""
