from outmoded.cli import main

raise SystemExit(main())
