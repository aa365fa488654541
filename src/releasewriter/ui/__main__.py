from releasewriter.ui.app import main

raise SystemExit(main())
