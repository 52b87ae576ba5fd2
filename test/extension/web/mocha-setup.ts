// Defines the `mocha` global (browser build) and its BDD functions before the suite module registers its tests.
import 'mocha/mocha';

mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30000, color: false });
