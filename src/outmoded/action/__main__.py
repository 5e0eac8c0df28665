from outmoded.action import main

raise SystemExit(main())
