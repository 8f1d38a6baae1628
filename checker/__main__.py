"""`python -m checker`: the same as the `reportlint` command."""
from checker.cli.entry import main

if __name__ == "__main__":
    main()
