package dev.navi;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(NaviApplication.class);

    @Test
    void whenModulesAreAnalysedThenNoCyclesAndNoInternalAccess() {
        modules.verify();
    }

    @Test
    void whenDocumentedThenModuleCanvasesAreWritten() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
