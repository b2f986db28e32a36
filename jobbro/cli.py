"""The `jobbro` command: `jobbro demo` sets up and serves the demo; anything else is passed
to Django's management commands (`jobbro migrate`, `jobbro demo_data --citizens 50000`)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jobbro.settings")
    from django.core.management import execute_from_command_line

    argv = sys.argv[:]
    if len(argv) > 1 and argv[1] == "demo":
        argv[1] = "rundemo"
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
