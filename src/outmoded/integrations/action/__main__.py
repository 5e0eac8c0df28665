from outmoded.integrations.action import main

raise SystemExit(main())
