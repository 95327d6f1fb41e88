import sys

from figures_src.figures.build import main

sys.exit(main())
