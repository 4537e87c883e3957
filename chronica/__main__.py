"""``python -m chronica``."""

from chronica.cli import app

if __name__ == "__main__":
    app()
