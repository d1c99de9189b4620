import sys

from kompas_site.cli import main

sys.exit(main())
