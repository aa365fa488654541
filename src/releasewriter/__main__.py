from releasewriter.cli import main

raise SystemExit(main())
