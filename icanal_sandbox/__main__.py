"""`python -m icanal_sandbox` is the same as the `icanal-sandbox` command."""

from icanal_sandbox.server import main

if __name__ == "__main__":
    main()
